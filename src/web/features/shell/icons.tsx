import { StrokeIcon } from '../../shared/StrokeIcon.tsx';

/** The navigation's line icons, drawn inline (24 × 24, one stroke) so they need no request. */
const PATHS = {
  today:
    'M4 6.5A1.5 1.5 0 0 1 5.5 5h13A1.5 1.5 0 0 1 20 6.5v12a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5zM4 10h16M8 3v4m8-4v4m-6 6.5h4v3h-4z',
  week: 'M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z',
  plan: 'M5 21V4m0 1h12l-2.5 4L17 13H5',
  accounts: 'M4 21V6l8-3v18m0-12h8v12M3 21h18M8 8v.01M8 12v.01M8 16v.01m8-3v.01m0 4v.01',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  review: 'M3 13.5h5l1.5 2.5h5l1.5-2.5h5M5.5 5h13L21 13.5V19H3v-5.5z',
  import: 'M12 3v12m-4.5-4.5L12 15l4.5-4.5M4 16v4h16v-4',
  rules: 'M3 5h18l-7 8.5V19l-4 2v-7.5z',
  reflections: 'M4 19.5V5a2 2 0 0 1 2-2h14v14H6a2 2 0 0 0-2 2.5 2 2 0 0 0 2 1.5h14M8 7h8',
  team: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10a7 7 0 0 1 14 0m0-17.5a4 4 0 0 1 0 7.5m6 10a7 7 0 0 0-4.5-6.5',
  settings: 'M4 6h9m4 0h3M4 12h3m4 0h9M4 18h11m4 0h1M15 4v4M9 10v4m8 2v4',
  signOut: 'M10 20H5V4h5m6 12 4-4-4-4m4 4H9',
} as const;

export type IconName = keyof typeof PATHS;

export function NavIcon({ name }: { name: IconName }) {
  return (
    <StrokeIcon className={`nav-icon${name === 'more' ? ' nav-icon--dots' : ''}`} size={24}>
      <path d={PATHS[name]} />
    </StrokeIcon>
  );
}
