/** A short, non-identifying summary of a User-Agent for evidence, e.g. "Chrome 140 · Windows". */
export function deviceSummary(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const browsers: [RegExp, string][] = [
    [/MicroMessenger\/(\d+)/, '微信'],
    [/Edg\/(\d+)/, 'Edge'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Chrome (headless)'],
    [/Chrome\/(\d+)/, 'Chrome'],
    [/Version\/(\d+).*Safari/, 'Safari'],
  ];
  const systems: [RegExp, string][] = [
    [/Windows NT/, 'Windows'],
    [/iPhone|iPad/, 'iOS'],
    [/Android/, 'Android'],
    [/Mac OS X/, 'macOS'],
    [/Linux/, 'Linux'],
  ];
  const browser = browsers.map(([re, name]) => [re.exec(userAgent), name] as const).find(([m]) => m);
  const system = systems.find(([re]) => re.test(userAgent))?.[1] ?? '其他系统';
  return `${browser ? `${browser[1]} ${browser[0]![1]}` : '其他浏览器'} · ${system}`;
}
