// The bare page's first paint, reported the way ours is (two frames after
// it is on screen), so the bench compares paint with paint.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    const at = performance.timeOrigin + performance.now();
    window.__TAURI_INTERNALS__.invoke('painted', { at });
  }),
);
