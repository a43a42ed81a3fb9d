// The wall dashboard and its token administration.
export { DashboardRoute } from './DashboardRoute.tsx';
export { DashboardTokensPage } from './tokens/DashboardTokensPage.tsx';
