import { AUDIT_FILTER_KEYS, type AuditFilters } from '../../api/audit.ts';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied', 'pending'] as const;

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  user: '',
  action: '',
  target: '',
  outcome: '',
  from: '',
  to: '',
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

/** Actions the console writes to the log, offered as suggestions for the action filter. */
export const KNOWN_ACTIONS = [
  'session.signin',
  'nodegroup.create',
  'nodegroup.scale',
  'nodegroup.labels-taints',
  'nodegroup.update-version',
  'nodegroup.delete',
  'fargate.create',
  'fargate.delete',
  'cluster.create',
  'cluster.update-version',
  'cluster.logging',
  'cluster.endpoint-access',
  'cluster.tags',
  'cluster.delete',
  'connector.register',
  'connector.deregister',
];
