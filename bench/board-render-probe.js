/* global window, document, requestAnimationFrame, requestIdleCallback, MutationObserver */
// Runs in the page before the app starts (board-render.ts): the moment the first card is painted (the frame after
// it enters the DOM), the moment the board is ready to drag (first card painted and the main thread free: the
// first idle period after it), and, for drops, the moment a card appears in a column after the pointer is released.
(() => {
  const w = window;
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  const observer = new MutationObserver(() => {
    if (w.firstCard === undefined && document.querySelector('.board-card[data-card-id]')) {
      w.firstCard = -1;
      afterPaint(() => {
        w.firstCard = performance.now();
        requestIdleCallback(() => (w.ready = performance.now()), { timeout: 10000 });
      });
    }
    const waiting = w.waitFor;
    if (waiting && w.pointerUp !== undefined && w.placed === undefined) {
      const column = document.querySelector(`section[aria-label="${waiting.columnName}"]`);
      if (column && column.querySelector(`[data-card-id="${waiting.cardId}"]`)) {
        w.placed = -1;
        afterPaint(() => (w.placed = performance.now()));
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  w.addEventListener('pointerup', () => (w.pointerUp = performance.now()), { capture: true });
})();
