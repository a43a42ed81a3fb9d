import { describe, expect, it } from 'vitest';
import { HOME_PATH, safeNextPath, signInPath } from './nextPath.ts';

describe('safeNextPath', () => {
  it('keeps paths inside the app, query included', () => {
    expect(safeNextPath('/clusters?q=prod&region=eu-west-1')).toBe(
      '/clusters?q=prod&region=eu-west-1',
    );
  });

  it.each([
    null,
    '',
    'https://evil.example',
    '//evil.example/x',
    '/\\evil.example',
    'clusters',
    '/login?next=/x',
  ])('sends %j home instead', (next) => {
    expect(safeNextPath(next)).toBe(HOME_PATH);
  });
});

describe('signInPath', () => {
  it('remembers where the user was', () => {
    expect(signInPath({ pathname: '/clusters', search: '?q=prod' })).toBe(
      '/login?next=%2Fclusters%3Fq%3Dprod',
    );
  });

  it('needs no next for the home page', () => {
    expect(signInPath({ pathname: '/', search: '' })).toBe('/login');
  });
});
