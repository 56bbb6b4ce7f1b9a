import { chooseTheme, useThemeChoice, type ThemeChoice } from '../../lib/theme';

const choices: [ThemeChoice, string][] = [
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['system', 'Same as this device'],
];

/** Light, dark, or whatever the device is set to (the default); applied at once and kept in this browser. */
export function ThemePanel() {
  const choice = useThemeChoice();
  return (
    <div className="account-panel">
      <fieldset className="theme-choice" aria-describedby="theme-note">
        <legend>
          <h2>Theme</h2>
        </legend>
        {choices.map(([value, name]) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={choice === value}
              onChange={() => chooseTheme(value)}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <p id="theme-note" className="muted">
        Kept in this browser, so another browser or device shows its own choice.
      </p>
    </div>
  );
}
