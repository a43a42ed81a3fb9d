// What other features may use of connected clusters.
export { ActivationCountdown } from './ActivationCountdown.tsx';
export { ConnectedOverview } from './ConnectedOverview.tsx';
