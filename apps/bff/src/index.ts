export { createApp, type AppDeps } from './app.ts';
export { startWheelhouse, type Wheelhouse, type WheelhouseOptions } from './server.ts';
