import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell } from './csvCell.ts';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each([
    [' =HYPERLINK("http://x")', 'a leading space'],
    ['   +1', 'several spaces'],
    ['\n=cmd()', 'a leading line break'],
    ['\r\n@x', 'a leading CRLF'],
    ['\u00a0=1', 'a no-break space'],
    ['\uff1dcmd()', 'a full-width equals sign'],
    ['\uff0b1', 'a full-width plus'],
    ['\uff0d1', 'a full-width minus'],
    ['\uff20x', 'a full-width at sign'],
    [' \uff1d1', 'a space then a full-width equals sign'],
  ])('prefixes %j (%s) with a quote', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each(['ana', 'nodegroup.scale', ' plain words', 'a=b', '2026-11-01T10:00:00.000Z', ''])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseCell(text)).toBe(text);
    },
  );
});

describe('csvCell', () => {
  it('quotes a neutralised cell that holds a line break', () => {
    expect(csvCell('\n=cmd()')).toBe(`"'\n=cmd()"`);
  });

  it('writes nothing for a missing value and JSON for objects', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
