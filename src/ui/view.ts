/**
 * A view: an element on the page and the one way to redraw it, `update(model)`. The model is plain
 * numbers and words computed elsewhere (the demo's model.ts); the view turns them into SVG or HTML and
 * keeps nothing else. What the user does in a view (a drag, a click on a node) goes back through a
 * callback given to its factory. Factories are named `create<Thing>View`.
 *
 * A view that is redrawn often with a model that mostly stays the same (an animation frame moving a
 * marker) compares the parts of the model by reference and redraws only what changed.
 */
export interface View<Model> {
  readonly element: Element;
  update(model: Model): void;
}
