import { useEffect } from 'react';
import { applyTheme, preferredTheme } from '../../components/theme.ts';

/**
 * Kiosk mode for a wall screen: the dark theme whatever the browser prefers (without storing it as
 * the user's choice), and type that scales with the screen width so a room can read it.
 * Everything is restored when the dashboard goes away.
 */
export function useKioskMode(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    const fontSize = root.style.fontSize;
    applyTheme('dark');
    // rem-based sizes all follow the root font size: 16px on a laptop, up to 32px on a 4K screen.
    root.style.fontSize = 'clamp(16px, 1.1vw, 32px)';
    return () => {
      applyTheme(preferredTheme());
      root.style.fontSize = fontSize;
    };
  }, [on]);
}
