import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { forgetDraftKeepers } from '../src/lib/drafts';

afterEach(() => {
  // Unmount while the IPC mocks are still in place, then remove them.
  cleanup();
  clearMocks();
  // Each test is a fresh window: no words left over from the one before.
  forgetDraftKeepers();
  vi.useRealTimers();
});
