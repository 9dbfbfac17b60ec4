package vn.ioc.edge.tamper;

/** Why a camera's picture cannot be trusted. */
public enum TamperReason {
    /** the picture went (nearly) black: covered, painted over, power to the lamp lost */
    BLACKOUT,
    /** the picture stopped changing: a frozen encoder, a photo held in front of the lens */
    FROZEN,
    /** the picture lost its sharpness: defocused, sprayed, fogged */
    BLUR,
    /** the background changed at once: the camera was turned or moved */
    SCENE_CHANGE
}
