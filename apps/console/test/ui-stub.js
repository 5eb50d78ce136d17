// The console's unit tests run its pure modules in Node. The resource registry imports the React
// views, which are never rendered there: UI libraries resolve to this stub (any export is a
// component that renders nothing).
const component = () => null;
module.exports = new Proxy(
  { __esModule: true, default: component },
  { get: (target, name) => (name in target ? target[name] : component) },
);
