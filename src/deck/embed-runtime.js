// @ts-check
/**
 * Live demos in the HTML deck, inlined into deck.html by render-deck-html.ts (plain JavaScript: it
 * is copied into the page as it is). A slide whose demo reference has the image form,
 * `![▶ ライブデモ](demo:gradient-chain)`, shows that demo live over its right-hand figure while the
 * slide is shown, in the normal and the presenter view (not in the overview, nor in the presenter's
 * next-slide preview). Only the shown slide's demo runs: it loads when its slide is shown, is paused
 * and released when the slide is left (its state is kept for a return), one at a time.
 * Keys: the deck keeps its keys. A click into the demo, or Enter, hands the keyboard to the demo;
 * Esc in the demo hands it back (the frame keeps a focus ring while it has the keyboard).
 */
(() => {
  /** The slide's design width (Marp's viewBox): the demo is laid out at slide size, then scaled with it. */
  const SLIDE_WIDTH = 1280;
  /** Without a split background the demo takes this share of the slide, on the right. */
  const RIGHT_SHARE = 0.45;
  const LIVE_VIEWS = ['', 'presenter'];

  /** @type {{ link: HTMLElement, box: HTMLDivElement, frame: HTMLIFrameElement } | null} */
  let live = null;
  /** Where each embedded demo was left (its address, with the state the presenter gave it). */
  const leftAt = new Map();

  // Demo pages are modules, which a page opened from disk cannot load: there the figures stay.
  const canRun = location.protocol === 'http:' || location.protocol === 'https:';
  /** Demos that did not answer (e.g. the deck served without its demo pages): their figures stay. */
  const failed = new Set();

  const activeLink = () => {
    if (!canRun) return null;
    if (!LIVE_VIEWS.includes(document.body.dataset.bespokeView ?? '')) return null;
    // The overview lies over the deck in a frame of its own: nothing runs under it.
    if (document.querySelector('.bespoke-marp-overview[data-open="1"]')) return null;
    const slide = document.querySelector('svg.bespoke-marp-slide.bespoke-marp-active');
    // The image form of a demo link, or a slide figure that is a demo (`![bg right:60%](demo:training)`).
    const link = /** @type {HTMLElement | null} */ (slide?.querySelector('[data-embed]') ?? null);
    return link && !failed.has(link) ? link : null;
  };

  /** The slide's right-hand figure area on screen, and the slide's scale. */
  const placeOf = (/** @type {HTMLElement} */ link) => {
    const slide = /** @type {SVGSVGElement} */ (link.closest('svg'));
    const slideBox = slide.getBoundingClientRect();
    const figure = slide.querySelector('[data-marpit-advanced-background="background"] [data-marpit-advanced-background-container]');
    const area = figure?.getBoundingClientRect() ?? {
      left: slideBox.left + slideBox.width * (1 - RIGHT_SHARE),
      top: slideBox.top,
      width: slideBox.width * RIGHT_SHARE,
      height: slideBox.height,
    };
    return { area, scale: slideBox.width / SLIDE_WIDTH };
  };

  const position = () => {
    if (!live) return;
    const { area, scale } = placeOf(live.link);
    Object.assign(live.box.style, {
      left: `${area.left}px`,
      top: `${area.top}px`,
      width: `${area.width}px`,
      height: `${area.height}px`,
    });
    Object.assign(live.frame.style, {
      width: `${area.width / scale}px`,
      height: `${area.height / scale}px`,
      transform: `scale(${scale})`,
    });
  };

  // The slide's size changes without a window resize too (the presenter view's divider): follow it.
  const slideResized = new ResizeObserver(() => position());

  const release = () => {
    if (!live) return;
    const { link, box, frame } = live;
    live = null;
    slideResized.disconnect();
    try {
      leftAt.set(link, frame.contentWindow?.location.href);
      /** @type {any} */ (frame.contentWindow)?.demo?.pause();
    } catch {
      // A frame that has not loaded yet has nothing to keep.
    }
    box.remove();
  };

  const show = (/** @type {HTMLElement} */ link) => {
    const box = document.createElement('div');
    box.className = 'demo-embed-box';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    const title = link.dataset.demoTitle ?? link.textContent ?? '';
    box.setAttribute('aria-label', title);
    const frame = document.createElement('iframe');
    frame.title = title;
    frame.src = leftAt.get(link) ?? link.dataset.embed ?? '';
    // Shown once the demo answers; a page that is not a demo (a 404) leaves the figure as it is.
    // Transparent rather than hidden meanwhile: Enter can hand it the keys while it loads.
    box.style.opacity = '0';
    frame.addEventListener('load', () => {
      let answered = false;
      try {
        answered = /** @type {any} */ (frame.contentWindow)?.demo !== undefined;
      } catch {
        // Another origin: not our demo.
      }
      if (live?.frame !== frame) return;
      if (answered) box.style.opacity = '';
      else {
        failed.add(link);
        release();
      }
    });
    box.append(frame);
    document.body.append(box);
    live = { link, box, frame };
    slideResized.observe(/** @type {Element} */ (link.closest('svg')));
    position();
  };

  const sync = () => {
    const link = activeLink();
    if (live?.link === link) return position();
    release();
    if (link) show(link);
  };

  new MutationObserver(sync).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'data-bespoke-view', 'data-open'],
  });
  addEventListener('resize', position);
  // Enter (on the deck or on the frame's box) hands the keyboard to the demo.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !live) return;
      const target = /** @type {Element} */ (event.target);
      if (target !== document.body && target !== live.box) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      live.frame.focus();
    },
    true,
  );
  // Esc in the demo (demo-page.ts posts it) hands the keyboard back to the deck.
  addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.data?.type !== 'demo-embed-escape' || !live) return;
    if (event.source !== live.frame.contentWindow) return;
    live.box.focus();
  });
  sync();
})();
