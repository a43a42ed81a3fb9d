import { Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyWithPreload } from './lazyWithPreload.tsx';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('lazyWithPreload', () => {
  it('shows the fallback first when the chunk was not asked for ahead of time', async () => {
    const { Component } = lazyWithPreload(async () => Greeting);
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="ada" />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByText('Hello ada')).toBeInTheDocument();
  });

  it('renders at once, with no fallback, once preloaded', async () => {
    let loads = 0;
    const { Component, preload } = lazyWithPreload(async () => {
      loads += 1;
      return Greeting;
    });
    preload();
    preload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="grace" />
      </Suspense>,
    );
    expect(screen.getByText('Hello grace')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(loads).toBe(1);
  });

  it('asks again after a failed load', async () => {
    let attempts = 0;
    const { Component, preload } = lazyWithPreload(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk gone');
      return Greeting;
    });
    preload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="linus" />
      </Suspense>,
    );
    expect(await screen.findByText('Hello linus')).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
