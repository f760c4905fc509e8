import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';

/**
 * Next's rules (React, hooks, Next's own, a few jsx-a11y ones), typescript-eslint's recommended
 * set (through eslint-config-next/typescript) and jsx-a11y's recommended set. Next's config already
 * registers the jsx-a11y plugin, so only that set's rules are added here. `npm run lint` fails on
 * a warning too (--max-warnings 0).
 */
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      // Next relaxes these two to warnings; with --max-warnings 0 they fail either way, so say so.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    // The dashboard's sections delegate clicks on the links inside them to one handler
    // (components/dashboard/soft-navigation.ts). The element clicked is always a link, which the
    // keyboard reaches and Enter clicks; the section itself is not meant to be operable.
    files: [
      'components/dashboard/case-figures.tsx',
      'components/dashboard/register-measures.tsx',
      'components/dashboard/unit-counts.tsx',
    ],
    rules: {
      'jsx-a11y/click-events-have-key-events': 'off',
      'jsx-a11y/no-noninteractive-element-interactions': 'off',
    },
  },
  {
    // Escape anywhere inside the open export menu closes it and puts focus back on its button (the
    // WAI-ARIA menu button pattern); the wrapper that listens is not itself operable.
    files: ['components/exports/export-menu.tsx'],
    rules: { 'jsx-a11y/no-static-element-interactions': 'off' },
  },
  {
    // Playwright fixtures hand their value on with a parameter named `use`; it is not React's.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'data/**',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
