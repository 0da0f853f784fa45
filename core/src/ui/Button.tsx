import type { ButtonHTMLAttributes } from 'react';

export function Button({ variant = 'primary', className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <button type="button" className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}
