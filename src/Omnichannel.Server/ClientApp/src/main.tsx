import { render } from 'preact';
import { App } from './App';
import { restoreSession } from './state/session';

void restoreSession();
render(<App />, document.getElementById('app')!);
