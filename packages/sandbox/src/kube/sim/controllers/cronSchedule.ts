/** Standard five-field cron schedules (minute hour day-of-month month day-of-week), UTC. */

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function parseField(field: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '*', stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let [low, high] = [min, max];
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      low = a!;
      high = b ?? (stepText ? max : a!);
    }
    if (![low, high, step].every(Number.isInteger) || step < 1 || low < min || high > max) {
      throw new Error(`invalid cron field "${field}"`);
    }
    for (let value = low; value <= high; value += step)
      values.add(value === 7 && max === 6 ? 0 : value);
  }
  return values;
}

export interface CronSchedule {
  /** The first scheduled minute strictly after `after` (within a year), or undefined. */
  next(after: Date): Date | undefined;
}

export function parseCron(expression: string): CronSchedule {
  const fields = (MACROS[expression.trim()] ?? expression).trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`invalid cron schedule "${expression}"`);
  const [minutes, hours, days, months, weekdays] = fields.map((field, index) =>
    parseField(field, RANGES[index]!),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const anyDay = fields[2] === '*';
  const anyWeekday = fields[4] === '*';
  return {
    next(after) {
      const cursor = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
      for (let i = 0; i < 366 * 24 * 60; i++) {
        const dayMatches =
          anyDay || anyWeekday
            ? days.has(cursor.getUTCDate()) && weekdays.has(cursor.getUTCDay())
            : days.has(cursor.getUTCDate()) || weekdays.has(cursor.getUTCDay());
        if (
          months.has(cursor.getUTCMonth() + 1) &&
          dayMatches &&
          hours.has(cursor.getUTCHours()) &&
          minutes.has(cursor.getUTCMinutes())
        ) {
          return cursor;
        }
        cursor.setTime(cursor.getTime() + 60_000);
      }
      return undefined;
    },
  };
}
