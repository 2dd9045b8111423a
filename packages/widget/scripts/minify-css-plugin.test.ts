import { describe, expect, it } from 'vitest'
import { squeezeCss } from './minify-css-plugin'

describe('squeezeCss', () => {
  it('removes whitespace and comments only', () => {
    expect(
      squeezeCss(`
      /* note */
      :host([theme='dark']) {
        color: red;
        font: 16px 'Segoe UI', sans-serif;
      }
      .a .b > .c { margin: 0 auto; }
    `),
    ).toBe(
      ":host([theme='dark']){color:red;font:16px 'Segoe UI',sans-serif}.a .b>.c{margin:0 auto}",
    )
  })
})
