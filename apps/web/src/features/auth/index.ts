// What other features may use of sign-in and roles; anything else here is the feature's own.
export { can, useCan, type Capability } from './useCan.ts';
export { signInPath } from './nextPath.ts';
export { RequireSession } from './RequireSession.tsx';
export { SignInPage } from './SignInPage.tsx';
export { SsoRefusedPage } from './SsoRefusedPage.tsx';
