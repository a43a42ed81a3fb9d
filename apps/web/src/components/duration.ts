const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [number, string][] = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'min'],
  [SECOND, 's'],
];

/**
 * A span of time in its two largest units, rounded down: "2 d 3 h", "5 h", "4 min 10 s", "12 s".
 * Rounding down keeps a countdown honest: it never promises more time than is left.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  if (total === 0) return '0 s';
  const index = UNITS.findIndex(([size]) => total >= size);
  const [size, unit] = UNITS[index]!;
  const parts = [`${Math.floor(total / size)} ${unit}`];
  const smaller = UNITS[index + 1];
  if (smaller) {
    const rest = Math.floor((total % size) / smaller[0]);
    if (rest > 0) parts.push(`${rest} ${smaller[1]}`);
  }
  return parts.join(' ');
}

/** How long until `iso`, as "expires in 2 d 3 h", or expired once it has passed. */
export function expiryCountdown(
  iso: string,
  now: number = Date.now(),
): { expired: boolean; text: string } {
  const left = new Date(iso).getTime() - now;
  if (Number.isNaN(left)) return { expired: false, text: 'expiry unknown' };
  if (left <= 0) return { expired: true, text: `expired ${formatDuration(-left)} ago` };
  return { expired: false, text: `expires in ${formatDuration(left)}` };
}
