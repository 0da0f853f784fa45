// Where the imager is: a drawing of the terminal with its upward scan window lit, and a phone held above it.
export function TerminalImagerArt({ label }: { label: string }) {
  return (
    <svg className="imager-art" viewBox="0 0 200 220" role="img" aria-label={label} data-testid="imager-art" width="200" height="220">
      <rect x="40" y="10" width="120" height="90" rx="8" fill="#e8eef6" stroke="#2b4a6f" strokeWidth="3" />
      <rect x="52" y="22" width="96" height="62" rx="4" fill="#ffffff" stroke="#2b4a6f" />
      <path d="M30 110 h140 l10 30 h-160 z" fill="#d5deea" stroke="#2b4a6f" strokeWidth="3" />
      <rect x="82" y="118" width="36" height="14" rx="3" fill="#3b82f6">
        <animate attributeName="opacity" values="1;0.4;1" dur="1.6s" repeatCount="indefinite" />
      </rect>
      <rect x="35" y="140" width="130" height="70" fill="#e8eef6" stroke="#2b4a6f" strokeWidth="3" />
      <g transform="translate(100 72) rotate(-8)">
        <rect x="-18" y="-4" width="36" height="62" rx="6" fill="#1f2937" opacity="0.85" />
      </g>
      <path d="M100 136 v-6" stroke="#3b82f6" strokeWidth="3" />
      <text x="100" y="200" textAnchor="middle" fontSize="14" fill="#2b4a6f">{label}</text>
    </svg>
  );
}
