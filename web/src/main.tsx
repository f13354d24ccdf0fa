// Browser entry: mounts the app for the current URL.
import { render } from 'solid-js/web';
import { App } from './app';
import './styles.css';

render(() => <App path={location.pathname} />, document.getElementById('root')!);
