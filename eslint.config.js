import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import jest from 'eslint-plugin-jest'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    'dist/',
    'lib/',
    'coverage/',
    'node_modules/',
    '*.config.js',
    'bin/',
    'scripts/',
    'examples/'
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: { '@typescript-eslint/consistent-type-imports': 'error' }
  },
  { files: ['__tests__/**/*.ts', '__fixtures__/**/*.ts'], ...jest.configs['flat/recommended'] },
  prettier
)
