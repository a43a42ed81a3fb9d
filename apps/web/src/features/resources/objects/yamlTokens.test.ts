import { describe, expect, it } from 'vitest';
import { tokenizeYaml, tokenizeYamlLine } from './yamlTokens.ts';

const kinds = (line: string) => tokenizeYamlLine(line).map((t) => [t.kind, t.text]);

describe('tokenizeYamlLine', () => {
  it('tells keys from values, and values by what they are', () => {
    expect(kinds('  replicas: 3')).toEqual([
      ['indent', '  '],
      ['key', 'replicas'],
      ['colon', ':'],
      ['plain', ' '],
      ['number', '3'],
    ]);
    expect(kinds('- name: web')).toEqual([
      ['dash', '- '],
      ['key', 'name'],
      ['colon', ':'],
      ['plain', ' '],
      ['string', 'web'],
    ]);
    expect(kinds('paused: false').at(-1)).toEqual(['literal', 'false']);
    expect(kinds('image: registry/web:1.4').at(-1)).toEqual(['string', 'registry/web:1.4']);
    expect(kinds('  "app.kubernetes.io/name": web')[1]).toEqual([
      'key',
      '"app.kubernetes.io/name"',
    ]);
  });

  it('keeps every character of the line, in order', () => {
    const line = '    - containerPort: 8080 # http';
    expect(
      tokenizeYamlLine(line)
        .map((t) => t.text)
        .join(''),
    ).toBe(line);
  });
});

describe('tokenizeYaml', () => {
  it('reads the lines of a block scalar as text, not keys', () => {
    const lines = tokenizeYaml('script: |\n  a: b\n  c\nnext: 1\n');
    expect(lines[1]!.map((t) => t.kind)).toEqual(['indent', 'string']);
    expect(lines[3]![0]).toEqual({ text: 'next', kind: 'key' });
  });
});
