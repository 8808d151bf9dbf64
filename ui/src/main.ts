import { mount } from 'svelte';
import './app.css';
import Root from './Root.svelte';
import { lockApi, onShellLocked } from './ipc/lock';
import { mark } from './ipc/bench';

mark('script');

async function boot(): Promise<void> {
  // Development only: `npm run dev` then open /?mock (or /?mock=long, /?mock=save-error) to see the page with
  // made-up data. The branch (and the mock module) is dropped from builds.
  const params = new URLSearchParams(location.search);
  if (import.meta.env.DEV && params.has('mock')) {
    const { installDevMock } = await import('./ipc/dev-mock');
    installDevMock(params.get('mock') ?? '');
  }
  const target = document.getElementById('app');
  if (target) mount(Root, { target, props: { api: lockApi, onShellLocked } });
}

void boot();
