import { daysLeftInYear, passwordResetMail, reminderDigestMail, updateMail } from './mail-templates';
import { unsubscribeToken, userOfUnsubscribeToken } from './unsubscribe-token';

const ctx = { to: 'a@example.cn', displayName: '张<三>', siteName: '甘肃省首席质量官培训平台', appUrl: 'https://cqo.example.cn/app' };

describe('mail templates', () => {
  it('counts the days left to 31 December (CST dates)', () => {
    expect(daysLeftInYear('2026-12-31')).toBe(0);
    expect(daysLeftInYear('2026-12-01')).toBe(30);
    expect(daysLeftInYear('2026-10-01')).toBe(91);
    expect(daysLeftInYear('2028-01-01')).toBe(365); // a leap year
  });

  it("puts the day's reminders in one digest with days left, an unsubscribe link and header, text and HTML alike", () => {
    const sut = reminderDigestMail(
      ctx,
      '2026-12-01',
      [
        { kind: 'compliance.reminder', title: '2026年度第一类继续教育学时不足提醒', body: '尚差10学时。' },
        { kind: 'cqo_term_reminder', title: '首席质量官任期将于2027-01-30届满', body: '还有60天' },
      ],
      'https://cqo.example.cn/app/unsubscribe?token=t',
    );
    expect(sut.subject).toBe('【提醒】您有2条提醒（2026-12-01）');
    expect(sut.text).toContain('距本年度学时截止（12月31日）还有30天');
    expect(sut.text).toContain('1. 2026年度第一类继续教育学时不足提醒\n尚差10学时。');
    expect(sut.text).toContain('https://cqo.example.cn/app/unsubscribe?token=t');
    expect(sut.headers).toEqual({ 'List-Unsubscribe': '<https://cqo.example.cn/app/unsubscribe?token=t>' });
    // HTML escapes what people typed (a name), keeps the facts.
    expect(sut.html).toContain('张&lt;三&gt;');
    expect(sut.html).toContain('尚差10学时');
  });

  it('gives other notices and account mail no unsubscribe link', () => {
    expect(updateMail(ctx, '课程审核通过', '已通过', '/').text).not.toContain('unsubscribe');
    const reset = passwordResetMail(ctx, 'zhangsan', 'https://cqo.example.cn/app/reset-password?token=x', 30);
    expect(reset.subject).toBe('重置密码');
    expect(reset.text).toContain('30分钟');
    expect(reset.headers).toBeUndefined();
  });
});

describe('unsubscribe token', () => {
  const key = 'k'.repeat(40);
  const user = '3f0c1a52-6f1e-4c55-9d1b-2b1c4d5e6f70';

  it('names its person and nobody else', () => {
    const sut = unsubscribeToken(key, user);
    expect(userOfUnsubscribeToken(key, sut)).toBe(user);
    expect(userOfUnsubscribeToken('z'.repeat(40), sut)).toBeNull();
    expect(userOfUnsubscribeToken(key, sut.replace(user, '3f0c1a52-6f1e-4c55-9d1b-2b1c4d5e6f71'))).toBeNull();
    expect(userOfUnsubscribeToken(key, `${sut}.x`)).toBeNull();
    expect(userOfUnsubscribeToken(key, 'nope')).toBeNull();
  });
});
