import { describe, expect, it } from 'vitest';
import { supportStanding } from './versionSupportStanding.ts';

const now = Date.parse('2026-12-03T12:00:00Z');

describe('supportStanding', () => {
  it('words an unsupported version by the day its last support ended', () => {
    const standing = supportStanding(
      {
        status: 'UNSUPPORTED',
        endOfStandardSupport: '2025-07-23T00:00:00.000Z',
        endOfExtendedSupport: '2026-07-23T00:00:00.000Z',
      },
      now,
    );
    expect(standing).toMatchObject({
      level: 'danger',
      label: 'unsupported',
      sentence: 'unsupported since 2026-07-23',
      days: '133 days ago',
      flagged: true,
    });
  });

  it('keeps extended support amber until its last 90 days, then red', () => {
    const far = supportStanding(
      { status: 'EXTENDED_SUPPORT', endOfExtendedSupport: '2027-12-02T00:00:00.000Z' },
      now,
    );
    expect(far).toMatchObject({
      level: 'warning',
      sentence: 'extended support until 2027-12-02',
      days: '364 days left',
    });
    const near = supportStanding(
      { status: 'EXTENDED_SUPPORT', endOfExtendedSupport: '2027-03-01T00:00:00.000Z' },
      now,
    );
    expect(near.level).toBe('danger');
  });

  it('flags standard support only inside 90 days', () => {
    const inside = supportStanding(
      { status: 'STANDARD_SUPPORT', endOfStandardSupport: '2027-03-02T00:00:00.000Z' },
      now,
    );
    expect(inside).toMatchObject({ level: 'warning', days: '89 days left', flagged: true });
    const outside = supportStanding(
      { status: 'STANDARD_SUPPORT', endOfStandardSupport: '2027-06-01T00:00:00.000Z' },
      now,
    );
    expect(outside).toMatchObject({ level: 'ok', flagged: false });
    expect(supportStanding({ status: 'UNKNOWN' }, now)).toMatchObject({
      level: 'unknown',
      sentence: 'unknown support',
      flagged: false,
    });
  });
});
