import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { visibleControls, visibleControlsText } from './VisibleControls.tsx';

describe('visibleControls', () => {
  it('shows bidirectional controls and lone surrogates as their code points, marked', () => {
    render(<p data-testid="text">{visibleControls('prod\u202Edorp \u2066x\u2069 \uD800')}</p>);
    const text = screen.getByTestId('text');
    expect(text.textContent).toBe('prod⟨U+202E⟩dorp ⟨U+2066⟩x⟨U+2069⟩ ⟨U+D800⟩');
    expect(text.querySelectorAll('span')).toHaveLength(4);
    expect(text.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/);
  });

  it('leaves ordinary text, emoji and other scripts as they are', () => {
    expect(visibleControls('payments-eu 😀 שלום')).toBe('payments-eu 😀 שלום');
    expect(visibleControlsText('a\u202Bb')).toBe('a⟨U+202B⟩b');
  });
});
