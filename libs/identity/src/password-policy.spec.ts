import { Role } from '@cqo/core';
import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const sut = new PasswordPolicy();
  const refused = (password: string, role: Role, username = 'someone') => {
    try {
      sut.check(password, { role, username });
      return null;
    } catch (error) {
      return (error as { code: string; details: { field: string }[] }).details[0].field;
    }
  };

  it('refuses short, common and user-name passwords, naming the field', () => {
    expect(refused('12345678', Role.Trainee)).toBe('password');
    expect(refused('password1234', Role.Trainee)).toBe('password');
    expect(refused('qwertyuiop', Role.Trainee)).toBe('password');
    expect(refused('Zhangsan2026!', Role.Trainee, 'zhangsan')).toBe('password');
  });

  it('asks staff for more than trainees', () => {
    expect(refused('Lz#q8vT2mx', Role.Trainee)).toBeNull();
    expect(refused('Lz#q8vT2mx', Role.Regulator)).toBe('password');
    expect(refused('Cqo-Demo!2026', Role.PlatformAdmin)).toBeNull();
  });
});
