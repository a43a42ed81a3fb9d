import { MoonIcon, SunIcon } from './Icons.tsx';
import { useTheme } from './theme.ts';

/** A toggle button named "Dark theme"; aria-pressed tells whether the dark theme is on. */
export function ThemeToggle({ className = '' }: { className?: string }) {
  const [theme, setTheme] = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      aria-pressed={dark}
      aria-label="Dark theme"
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      className={`inline-flex size-8 items-center justify-center rounded-md ${className}`}
    >
      {dark ? <MoonIcon /> : <SunIcon />}
    </button>
  );
}
