// Typed wrappers for the settings commands. Every setting travels as text
// (`SettingEntry`), the same form the CLI prints; the Rust side checks and
// normalises each value. Every rejection is an ErrorPayload.

import { call } from './journal';
import type { NotePreview } from './bindings/NotePreview';
import type { SettingEntry } from './bindings/SettingEntry';

export type { NotePreview, SettingEntry };

/** Every setting, in the documented order. */
export function settingsGet(): Promise<SettingEntry[]> {
  return call<SettingEntry[]>('settings_get');
}

/** Changes one setting; resolves to the value as stored (normalised). */
export function settingsSet(key: string, value: string): Promise<SettingEntry> {
  return call<SettingEntry>('settings_set', { key, value });
}

/** How the daily note would read today, discreet or not (the core's words). */
export function notificationPreview(discreet: boolean): Promise<NotePreview> {
  return call<NotePreview>('notification_preview', { discreet });
}

export interface SettingsApi {
  settingsGet: typeof settingsGet;
  settingsSet: typeof settingsSet;
  notificationPreview: typeof notificationPreview;
}

export const settingsApi: SettingsApi = {
  settingsGet,
  settingsSet,
  notificationPreview,
};
