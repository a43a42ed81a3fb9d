export { FleetSearch } from './FleetSearch.tsx';
