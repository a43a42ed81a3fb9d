import { AUDIT_ACTIONS } from '@wheelhouse/contract';
import { AUDIT_FILTER_KEYS, type AuditFilters } from '../../api/audit.ts';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied', 'pending'] as const;

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  user: '',
  action: '',
  target: '',
  outcome: '',
  from: '',
  to: '',
  changesOnly: '',
};

const isOutcome = (value: string): value is AuditFilters['outcome'] =>
  (AUDIT_OUTCOMES as readonly string[]).includes(value);

/** A time the BFF accepts (ISO 8601 with a zone), normalised to UTC; anything else is dropped. */
function isoTime(value: string | null): string {
  if (!value) return '';
  const time = Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** The audit filters from the page URL; unknown outcomes and unreadable times are ignored. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const outcome = params.get('outcome') ?? '';
  return {
    user: params.get('user')?.trim() ?? '',
    action: params.get('action')?.trim() ?? '',
    target: params.get('target')?.trim() ?? '',
    outcome: isOutcome(outcome) ? outcome : '',
    from: isoTime(params.get('from')),
    to: isoTime(params.get('to')),
    changesOnly: params.get('changesOnly') === 'true' ? 'true' : '',
  };
}

/** The filters as the page URL's query, leaving out the empty ones. */
export function serializeAuditFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

/** ISO time → the value of a datetime-local input, read as UTC like every time in the console. */
export function toUtcInput(iso: string): string {
  return iso ? iso.slice(0, 16) : '';
}

/** A datetime-local input's value, read as UTC → ISO time ('' stays ''). */
export function fromUtcInput(value: string): string {
  return value ? isoTime(`${value}Z`) : '';
}

const AREAS: Record<string, string> = {
  session: 'Sign-in',
  nodegroup: 'Node groups',
  fargate: 'Fargate profiles',
  cluster: 'Clusters',
  connector: 'Connected clusters',
  'access-entry': 'Access entries',
  'access-policy': 'Access policies',
  'identity-provider': 'OIDC identity providers',
  'pod-identity': 'Pod Identity',
  'dashboard-token': 'Dashboard tokens',
  workload: 'Workloads',
  pod: 'Pods',
  node: 'Nodes',
  refused: 'Refused attempts',
};

/** One group of the action picker: every action of an area, and the area as a whole (a prefix). */
export interface ActionGroup {
  area: string;
  label: string;
  actions: string[];
}

/** The actions the console writes (the contract's list), grouped by area for the picker. */
export function actionGroups(actions: readonly string[] = AUDIT_ACTIONS): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const action of actions) {
    const area = action.split('.')[0] ?? action;
    let group = groups.get(area);
    if (!group) groups.set(area, (group = { area, label: AREAS[area] ?? area, actions: [] }));
    group.actions.push(action);
  }
  return [...groups.values()];
}
