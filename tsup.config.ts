import { defineConfig } from 'tsup';

export default defineConfig({
  // cli: the `satisfaction-analytics` command (package.json `bin`: dist/cli.js, with its shebang).
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
