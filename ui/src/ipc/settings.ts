// Typed wrappers for the settings commands. Every setting travels as text
// (`SettingEntry`), the same form the CLI prints; the Rust side checks and
// normalises each value. Every rejection is an ErrorPayload.

import { call } from './journal';
import type { SettingEntry } from './bindings/SettingEntry';

export type { SettingEntry };

/** Every setting, in the documented order. */
export function settingsGet(): Promise<SettingEntry[]> {
  return call<SettingEntry[]>('settings_get');
}

/** Changes one setting; resolves to the value as stored (normalised). */
export function settingsSet(key: string, value: string): Promise<SettingEntry> {
  return call<SettingEntry>('settings_set', { key, value });
}

export interface SettingsApi {
  settingsGet: typeof settingsGet;
  settingsSet: typeof settingsSet;
}

export const settingsApi: SettingsApi = {
  settingsGet,
  settingsSet,
};
