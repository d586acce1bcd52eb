import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// The first render as a transition: React yields to the browser every few milliseconds instead of
// building the whole page in one long task (the static shell in index.html stays up meanwhile), so
// a slow phone can still respond to a tap while the app starts.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
