"""The life of personal data (capability floor, PIPL): protecting a desk's data at rest, separate
consent and its withdrawal, and erasure when retention ends. It knows no capability's records:
each capability registers its sealed records, consent purposes and retention rules with the ground."""
