// The colour theme. A person chooses light, dark, or the device's own setting (the default); the choice is kept in
// this browser. The script in index.html sets <html data-theme> from it before the first paint; this module follows
// the device and other tabs afterwards, and changes the choice. The palette itself is in styles.css.
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

/** The localStorage key; the script in index.html reads the same one. */
export const THEME_KEY = 'theme';

const darkDevice = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The person's choice in this browser: "system" when none is kept. */
export function themeChoice(): ThemeChoice {
  try {
    const kept = localStorage.getItem(THEME_KEY);
    return kept === 'light' || kept === 'dark' ? kept : 'system';
  } catch {
    return 'system';
  }
}

// The choice when storage refuses it (private mode, full storage): kept for this page only.
let unkept: ThemeChoice | null = null;
const currentChoice = () => unkept ?? themeChoice();

/** Sets <html data-theme> from the choice and, for "system", the device. */
function applyTheme() {
  const choice = currentChoice();
  const dark = choice === 'dark' || (choice === 'system' && darkDevice().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

const listeners = new Set<() => void>();
const changed = () => {
  applyTheme();
  for (const listener of listeners) listener();
};

/** Keeps the theme applied as the device changes (for "system") and as another tab changes the choice. */
export function followTheme() {
  applyTheme();
  darkDevice().addEventListener('change', changed);
  window.addEventListener('storage', (e) => {
    if (e.key === THEME_KEY || e.key === null) changed();
  });
}

/** Keeps a new choice in this browser and applies it at once. */
export function chooseTheme(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
    unkept = null;
  } catch {
    unkept = choice;
  }
  changed();
}

const subscribeChoice = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The person's choice, re-rendering when it changes. */
export const useThemeChoice = () => useSyncExternalStore(subscribeChoice, currentChoice);

const subscribeTheme = (listener: () => void) => {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
};
const shownTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** The theme showing now, re-rendering when it changes: for colours worked out in script rather than in CSS. */
export const useTheme = () => useSyncExternalStore(subscribeTheme, shownTheme);

/** A palette colour (`--surface`) as the showing theme has it, as r, g, b; null where it is not a #rrggbb colour. */
export function paletteRgb(name: `--${string}`): [number, number, number] | null {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  return hex ? [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)] : null;
}
