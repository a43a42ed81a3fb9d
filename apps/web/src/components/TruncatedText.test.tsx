import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import { TruncatedText } from './TruncatedText.tsx';

const NODE = 'ip-10-0-12-34.us-east-1.compute.internal';

// jsdom lays nothing out; a cell that cuts its text is one whose content is wider than its box.
function layOut(contentWidth: number, boxWidth: number): void {
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get: () => contentWidth,
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => boxWidth,
  });
}

// The test setup gives every element a viewport-sized client box; put it back after each test.
const original = {
  scrollWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth'),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
};
afterEach(() => {
  for (const [name, descriptor] of Object.entries(original)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  }
});

describe('TruncatedText', () => {
  it('shows the whole of a cut value on focus, and can be reached with the keyboard', async () => {
    layOut(320, 120);
    const user = userEvent.setup();
    render(<TruncatedText text={NODE} />);
    await user.tab();
    expect(screen.getByText(NODE, { selector: 'span[tabindex="0"]' })).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(NODE);
  });

  it('adds no stop and no tooltip when the value fits', async () => {
    layOut(80, 120);
    const user = userEvent.setup();
    render(<TruncatedText text="web" />);
    expect(screen.getByText('web')).not.toHaveAttribute('tabindex');
    await user.tab();
    expect(document.body).toHaveFocus();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('copies an id on click and says so', async () => {
    layOut(320, 120);
    const user = userEvent.setup();
    render(<TruncatedText text={NODE} copy />);
    await user.click(screen.getByRole('button', { name: NODE }));
    expect(await navigator.clipboard.readText()).toBe(NODE);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
  });

  it('as a link (a pod name), shows the whole name on focus and still navigates', async () => {
    const POD = 'checkout-api-7d9f8b6c5d-x2k4q-with-a-long-suffix';
    layOut(320, 120);
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <TruncatedText text={POD} to="/clusters/a/b/c/pods/web/x" />
      </MemoryRouter>,
    );
    await user.tab();
    const link = screen.getByRole('link', { name: POD });
    expect(link).toHaveFocus();
    expect(link).toHaveAttribute('href', '/clusters/a/b/c/pods/web/x');
    expect(await screen.findByRole('tooltip')).toHaveTextContent(POD);
  });
});
