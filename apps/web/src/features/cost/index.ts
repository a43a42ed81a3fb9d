// Cost's public face: its page, which the routes load lazily by file.
export { CostPage } from './CostPage.tsx';
