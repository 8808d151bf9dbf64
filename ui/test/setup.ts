import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';

afterEach(() => {
  // Unmount while the IPC mocks are still in place, then remove them.
  cleanup();
  clearMocks();
  vi.useRealTimers();
});
