// The display's layout as the screens need it to page lists: orientation (matchMedia) and elder mode (the class
// App sets on <html>). Pages are sized so the main path never scrolls on a 1080x1920 or 1920x1080 display.
import { useEffect, useState } from 'react';

export interface Layout {
  landscape: boolean;
  elder: boolean;
}

function read(): Layout {
  return { landscape: window.matchMedia('(orientation: landscape)').matches, elder: document.documentElement.classList.contains('elder') };
}

export function useLayout(): Layout {
  const [layout, setLayout] = useState(read);
  useEffect(() => {
    const update = () => setLayout((old) => {
      const now = read();
      return now.landscape === old.landscape && now.elder === old.elder ? old : now;
    });
    const media = window.matchMedia('(orientation: landscape)');
    media.addEventListener('change', update);
    const classes = new MutationObserver(update);
    classes.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    update();
    return () => {
      media.removeEventListener('change', update);
      classes.disconnect();
    };
  }, []);
  return layout;
}

/** Item tiles per page: two columns in portrait (three rows in elder mode less), three or two across in landscape. */
export function tilesPerPage({ landscape, elder }: Layout, keyboardOpen: boolean): number {
  if (keyboardOpen) return landscape ? (elder ? 3 : 4) : elder ? 4 : 6;
  if (landscape) return elder ? 4 : 9;
  return elder ? 8 : 12;
}
