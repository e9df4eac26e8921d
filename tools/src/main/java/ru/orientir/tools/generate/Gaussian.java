package ru.orientir.tools.generate;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Box–Muller with {@link StrictMath}, so a seed gives the same
 * numbers on every JDK and platform (RandomGenerator.nextGaussian's algorithm is not
 * specified, and Math.log may differ between platforms).
 */
final class Gaussian {

    private Gaussian() {
    }

    static double next(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }
}
