import { formatIsoDuration, parseIsoDuration } from '../iso-duration';
import { safePackagePath } from './content-packages.service';

describe('safePackagePath', () => {
  it('keeps paths inside the package', () => {
    expect(safePackagePath('au/index.html')).toBe('au/index.html');
    expect(safePackagePath('cmi5.xml')).toBe('cmi5.xml');
    expect(safePackagePath('media/')).toBe('media/');
  });
  it('refuses anything that could leave it', () => {
    for (const bad of ['../evil.html', 'au/../../x', '/etc/passwd', 'a\\..\\b', 'c:/x', 'a//b', './a', 'a/\u0000b', '', 'x'.repeat(501)]) {
      expect([bad, safePackagePath(bad)]).toEqual([bad, null]);
    }
  });
});

describe('formatIsoDuration', () => {
  it('writes whole seconds the way parseIsoDuration reads them', () => {
    expect([0, 59, 60, 3661, 7200].map(formatIsoDuration)).toEqual(['PT0S', 'PT59S', 'PT1M', 'PT1H1M1S', 'PT2H']);
    for (const s of [0, 1, 75, 3600, 86399]) expect(parseIsoDuration(formatIsoDuration(s))).toBe(s);
  });
});
