// The widget's styles live in its shadow root: the host page's CSS cannot reach in, and ours cannot leak out.
export const styles = (color: string, side: 'left' | 'right'): string => `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher { position: fixed; bottom: 20px; ${side}: 20px; width: 56px; height: 56px; border-radius: 50%; border: none;
  background: ${color}; color: #fff; display: grid; place-items: center; cursor: pointer; box-shadow: 0 4px 12px rgba(0,0,0,.25); z-index: 2147483000; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; border-radius: 10px; background: #dc2626;
  color: #fff; font-size: 12px; line-height: 20px; text-align: center; padding: 0 5px; }
.panel { position: fixed; bottom: 88px; ${side}: 20px; width: min(360px, calc(100vw - 40px)); height: min(520px, calc(100vh - 120px));
  background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); display: flex; flex-direction: column; overflow: hidden; z-index: 2147483000; }
.panel[hidden] { display: none; }
header { background: ${color}; color: #fff; padding: 14px 16px; font-weight: 600; font-size: 15px; }
.notice { background: #fef3c7; color: #78350f; font-size: 13px; padding: 8px 12px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f8fafc; }
.msg { max-width: 80%; padding: 8px 11px; border-radius: 12px; font-size: 14px; line-height: 1.35; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.in { align-self: flex-end; background: ${color}; color: #fff; border-bottom-right-radius: 4px; }
.msg.out { align-self: flex-start; background: #e2e8f0; color: #0f172a; border-bottom-left-radius: 4px; }
.msg.pending { opacity: .6; }
.who { font-size: 11px; color: #475569; margin-bottom: 2px; }
.typing { font-size: 12px; color: #64748b; padding: 0 12px 6px; min-height: 18px; background: #f8fafc; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e2e8f0; background: #fff; }
form.stack { flex-direction: column; }
textarea, input { flex: 1; resize: none; border: 1px solid #cbd5e1; border-radius: 8px; padding: 8px; font-size: 14px; }
button.send { background: ${color}; color: #fff; border: none; border-radius: 8px; padding: 0 14px; font-size: 14px; cursor: pointer; min-height: 36px; }
.attach { background: none; border: none; color: #475569; cursor: pointer; padding: 0 2px; display: grid; place-items: center; }
.files { display: flex; flex-direction: column; gap: 2px; }
.file { color: inherit; text-decoration: underline; font-size: 13px; }
.state { font-size: 12px; color: #b45309; padding: 4px 12px; background: #fffbeb; }
`;
