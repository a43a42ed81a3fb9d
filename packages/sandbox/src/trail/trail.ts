import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principals.ts';

/** Who made a call, as CloudTrail's userIdentity block puts it. */
export interface TrailIdentity {
  type: 'IAMUser' | 'AssumedRole';
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer: {
      type: 'Role';
      principalId: string;
      arn: string;
      accountId: string;
      userName: string;
    };
    attributes: { creationDate: string; mfaAuthenticated: 'false' };
    sourceIdentity?: string;
  };
}

/** One CloudTrail-like record of a mutating call (successful or not). */
export interface TrailEvent {
  eventVersion: '1.09';
  eventId: string;
  eventTime: string;
  eventSource: string;
  eventName: string;
  eventType: 'AwsApiCall';
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  userIdentity: TrailIdentity;
  /** The session's source identity, when it has one (also inside userIdentity.sessionContext). */
  sourceIdentity?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  readOnly: false;
  recipientAccountId: string;
}

export function trailIdentity(principal: Principal): TrailIdentity {
  if (principal.type === 'IAMUser') {
    return {
      type: 'IAMUser',
      principalId: principal.userId,
      arn: principal.arn,
      accountId: principal.accountId,
      accessKeyId: principal.accessKeyId,
      userName: principal.userName,
    };
  }
  return {
    type: 'AssumedRole',
    principalId: principal.userId,
    arn: principal.arn,
    accountId: principal.accountId,
    accessKeyId: principal.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: principal.role.roleId,
        arn: principal.role.arn,
        accountId: principal.accountId,
        userName: principal.role.name,
      },
      attributes: { creationDate: principal.issuedAt.toISOString(), mfaAuthenticated: 'false' },
      ...(principal.sourceIdentity !== undefined
        ? { sourceIdentity: principal.sourceIdentity }
        : {}),
    },
  };
}

/** The record being written: everything but the generated id. */
export type TrailEntry = Omit<TrailEvent, 'eventId' | 'eventVersion' | 'eventType' | 'readOnly'>;

/** An in-memory trail, oldest first, capped so long benchmark runs do not grow without bound. */
export class Trail {
  private events: TrailEvent[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(entry: TrailEntry): TrailEvent {
    const event: TrailEvent = {
      eventVersion: '1.09',
      eventId: randomUUID(),
      eventType: 'AwsApiCall',
      readOnly: false,
      ...entry,
    };
    this.events.push(event);
    if (this.events.length > this.capacity)
      this.events.splice(0, this.events.length - this.capacity);
    return event;
  }

  list(): TrailEvent[] {
    return [...this.events];
  }
}
