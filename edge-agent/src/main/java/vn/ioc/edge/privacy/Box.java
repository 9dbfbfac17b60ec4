package vn.ioc.edge.privacy;

/** An axis-aligned pixel rectangle, kept on the Java heap so results outlive native scopes. */
record Box(int x, int y, int width, int height) {

    /** This box in another picture's pixels, grown by {@code margin} of its size on each side, clipped to it. */
    Box scaledGrownClipped(double scale, double margin, int maxWidth, int maxHeight) {
        double grownX = width * margin;
        double grownY = height * margin;
        int left = (int) Math.floor((x - grownX) * scale);
        int top = (int) Math.floor((y - grownY) * scale);
        int right = (int) Math.ceil((x + width + grownX) * scale);
        int bottom = (int) Math.ceil((y + height + grownY) * scale);
        left = Math.max(0, left);
        top = Math.max(0, top);
        right = Math.min(maxWidth, right);
        bottom = Math.min(maxHeight, bottom);
        return new Box(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
