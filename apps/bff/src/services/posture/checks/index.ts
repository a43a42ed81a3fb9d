import type { PostureCheckDef } from '../check.ts';
import { accessManyAdmins } from './accessManyAdmins.ts';
import { accessNoBreakGlass } from './accessNoBreakGlass.ts';
import { accessWildcardAdmin } from './accessWildcardAdmin.ts';
import { addonDegraded } from './addonDegraded.ts';
import { apiLogOff } from './apiLogOff.ts';
import { auditLogOff } from './auditLogOff.ts';
import { authenticatorLogOff } from './authenticatorLogOff.ts';
import { clusterHealth } from './clusterHealth.ts';
import { configMapOnly } from './configMapOnly.ts';
import { endpointOpenToWorld } from './endpointOpenToWorld.ts';
import { endpointPrivateOff } from './endpointPrivateOff.ts';
import { endpointPublic } from './endpointPublic.ts';
import { fargateProfileFailed } from './fargateProfileFailed.ts';
import { fargatePublicSubnet } from './fargatePublicSubnet.ts';
import { nodegroupAmiBehind } from './nodegroupAmiBehind.ts';
import { nodegroupHealth } from './nodegroupHealth.ts';
import { nodegroupSingleAz } from './nodegroupSingleAz.ts';
import { nodegroupSshOpen } from './nodegroupSshOpen.ts';
import { nodegroupVersionBehind } from './nodegroupVersionBehind.ts';
import { nodegroupVersionSkew } from './nodegroupVersionSkew.ts';
import { nodesImdsHopLimit } from './nodesImdsHopLimit.ts';
import { nodesImdsV1 } from './nodesImdsV1.ts';
import { nodesPublicIp } from './nodesPublicIp.ts';
import { secretsNotEncrypted } from './secretsNotEncrypted.ts';
import { versionExtendedSupport } from './versionExtendedSupport.ts';
import { versionSupportEnding } from './versionSupportEnding.ts';
import { versionUnsupported } from './versionUnsupported.ts';

/** Every posture check, in the order the Posture page lists them. */
export const POSTURE_CHECKS: readonly PostureCheckDef[] = [
  accessWildcardAdmin,
  versionUnsupported,
  endpointOpenToWorld,
  auditLogOff,
  secretsNotEncrypted,
  nodesImdsV1,
  nodesPublicIp,
  nodegroupSshOpen,
  nodegroupVersionSkew,
  fargatePublicSubnet,
  clusterHealth,
  addonDegraded,
  authenticatorLogOff,
  endpointPrivateOff,
  configMapOnly,
  versionExtendedSupport,
  nodegroupHealth,
  nodegroupSingleAz,
  fargateProfileFailed,
  accessNoBreakGlass,
  endpointPublic,
  apiLogOff,
  versionSupportEnding,
  nodegroupVersionBehind,
  nodegroupAmiBehind,
  nodesImdsHopLimit,
  accessManyAdmins,
];
