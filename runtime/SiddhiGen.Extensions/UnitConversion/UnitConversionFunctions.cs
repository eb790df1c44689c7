using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-unitconversion 5.0 (<c>unitconversion:</c>): each function multiplies its numeric argument by the
/// factor the Java library's units (tec.units) use, including its rounded imperial factors (a pound is 0.4535924 kg,
/// an ounce 0.02834952 kg, an imperial ton 1/0.000984207 kg, a US ton 1/0.00110231 kg, a stone 1/0.157473 kg) and a
/// Gregorian year of 365.2425 days. The result is a DOUBLE; a null argument fails, as in Java.
/// </summary>
public static class UnitConversionFunctions
{
    /// <summary>Megametres to kilometres.</summary>
    [SiddhiFunction("unitconversion:MmTokm")]
    public static double MmTokm(double? value) => Convert(value, 1000.0, "unitconversion:MmTokm");

    /// <summary>Centimetres to feet.</summary>
    [SiddhiFunction("unitconversion:cmToft")]
    public static double CmToft(double? value) => Convert(value, 0.03280839895013123, "unitconversion:cmToft");

    /// <summary>Centimetres to inches.</summary>
    [SiddhiFunction("unitconversion:cmToin")]
    public static double CmToin(double? value) => Convert(value, 0.3937007874015748, "unitconversion:cmToin");

    /// <summary>Centimetres to kilometres.</summary>
    [SiddhiFunction("unitconversion:cmTokm")]
    public static double CmTokm(double? value) => Convert(value, 1e-05, "unitconversion:cmTokm");

    /// <summary>Centimetres to metres.</summary>
    [SiddhiFunction("unitconversion:cmTom")]
    public static double CmTom(double? value) => Convert(value, 0.01, "unitconversion:cmTom");

    /// <summary>Centimetres to miles.</summary>
    [SiddhiFunction("unitconversion:cmTomi")]
    public static double CmTomi(double? value) => Convert(value, 6.21371192237334e-06, "unitconversion:cmTomi");

    /// <summary>Centimetres to millimetres.</summary>
    [SiddhiFunction("unitconversion:cmTomm")]
    public static double CmTomm(double? value) => Convert(value, 10.0, "unitconversion:cmTomm");

    /// <summary>Centimetres to nanometres.</summary>
    [SiddhiFunction("unitconversion:cmTonm")]
    public static double CmTonm(double? value) => Convert(value, 10000000.0, "unitconversion:cmTonm");

    /// <summary>Centimetres to micrometres.</summary>
    [SiddhiFunction("unitconversion:cmToum")]
    public static double CmToum(double? value) => Convert(value, 10000.0, "unitconversion:cmToum");

    /// <summary>Centimetres to yards.</summary>
    [SiddhiFunction("unitconversion:cmToyd")]
    public static double CmToyd(double? value) => Convert(value, 0.010936132983377077, "unitconversion:cmToyd");

    /// <summary>Kilometres to centimetres.</summary>
    [SiddhiFunction("unitconversion:kmTocm")]
    public static double KmTocm(double? value) => Convert(value, 100000.0, "unitconversion:kmTocm");

    /// <summary>Kilometres to feet.</summary>
    [SiddhiFunction("unitconversion:kmToft")]
    public static double KmToft(double? value) => Convert(value, 3280.839895013123, "unitconversion:kmToft");

    /// <summary>Kilometres to inches.</summary>
    [SiddhiFunction("unitconversion:kmToin")]
    public static double KmToin(double? value) => Convert(value, 39370.07874015748, "unitconversion:kmToin");

    /// <summary>Kilometres to metres.</summary>
    [SiddhiFunction("unitconversion:kmTom")]
    public static double KmTom(double? value) => Convert(value, 1000.0, "unitconversion:kmTom");

    /// <summary>Kilometres to miles.</summary>
    [SiddhiFunction("unitconversion:kmTomi")]
    public static double KmTomi(double? value) => Convert(value, 0.621371192237334, "unitconversion:kmTomi");

    /// <summary>Kilometres to millimetres.</summary>
    [SiddhiFunction("unitconversion:kmTomm")]
    public static double KmTomm(double? value) => Convert(value, 1000000.0, "unitconversion:kmTomm");

    /// <summary>Kilometres to nanometres.</summary>
    [SiddhiFunction("unitconversion:kmTonm")]
    public static double KmTonm(double? value) => Convert(value, 1000000000000.0, "unitconversion:kmTonm");

    /// <summary>Kilometres to micrometres.</summary>
    [SiddhiFunction("unitconversion:kmToum")]
    public static double KmToum(double? value) => Convert(value, 1000000000.0, "unitconversion:kmToum");

    /// <summary>Kilometres to yards.</summary>
    [SiddhiFunction("unitconversion:kmToyd")]
    public static double KmToyd(double? value) => Convert(value, 1093.6132983377079, "unitconversion:kmToyd");

    /// <summary>Metres to centimetres.</summary>
    [SiddhiFunction("unitconversion:mTocm")]
    public static double MTocm(double? value) => Convert(value, 100.0, "unitconversion:mTocm");

    /// <summary>Metres to feet.</summary>
    [SiddhiFunction("unitconversion:mToft")]
    public static double MToft(double? value) => Convert(value, 3.2808398950131235, "unitconversion:mToft");

    /// <summary>Metres to millimetres.</summary>
    [SiddhiFunction("unitconversion:mTomm")]
    public static double MTomm(double? value) => Convert(value, 1000.0, "unitconversion:mTomm");

    /// <summary>Metres to yards.</summary>
    [SiddhiFunction("unitconversion:mToyd")]
    public static double MToyd(double? value) => Convert(value, 1.0936132983377078, "unitconversion:mToyd");

    /// <summary>Miles to kilometres.</summary>
    [SiddhiFunction("unitconversion:miTokm")]
    public static double MiTokm(double? value) => Convert(value, 1.609344, "unitconversion:miTokm");

    /// <summary>Grams to kilograms.</summary>
    [SiddhiFunction("unitconversion:gTokg")]
    public static double GTokg(double? value) => Convert(value, 0.001, "unitconversion:gTokg");

    /// <summary>Grams to milligrams.</summary>
    [SiddhiFunction("unitconversion:gTomg")]
    public static double GTomg(double? value) => Convert(value, 1000.0, "unitconversion:gTomg");

    /// <summary>Grams to micrograms.</summary>
    [SiddhiFunction("unitconversion:gToug")]
    public static double GToug(double? value) => Convert(value, 1000000.0, "unitconversion:gToug");

    /// <summary>Kilograms to imperial (long) tons.</summary>
    [SiddhiFunction("unitconversion:kgToLT")]
    public static double KgToLT(double? value) => Convert(value, 0.000984207, "unitconversion:kgToLT");

    /// <summary>Kilograms to US (short) tons.</summary>
    [SiddhiFunction("unitconversion:kgToST")]
    public static double KgToST(double? value) => Convert(value, 0.00110231, "unitconversion:kgToST");

    /// <summary>Kilograms to grams.</summary>
    [SiddhiFunction("unitconversion:kgTog")]
    public static double KgTog(double? value) => Convert(value, 1000.0, "unitconversion:kgTog");

    /// <summary>Kilograms to pounds.</summary>
    [SiddhiFunction("unitconversion:kgTolb")]
    public static double KgTolb(double? value) => Convert(value, 2.2046224760379585, "unitconversion:kgTolb");

    /// <summary>Kilograms to ounces.</summary>
    [SiddhiFunction("unitconversion:kgTooz")]
    public static double KgTooz(double? value) => Convert(value, 35.27396583786957, "unitconversion:kgTooz");

    /// <summary>Kilograms to stones.</summary>
    [SiddhiFunction("unitconversion:kgTost")]
    public static double KgTost(double? value) => Convert(value, 0.157473, "unitconversion:kgTost");

    /// <summary>Kilograms to tonnes.</summary>
    [SiddhiFunction("unitconversion:kgTot")]
    public static double KgTot(double? value) => Convert(value, 0.001, "unitconversion:kgTot");

    /// <summary>Tonnes to grams.</summary>
    [SiddhiFunction("unitconversion:tTog")]
    public static double TTog(double? value) => Convert(value, 1000000.0, "unitconversion:tTog");

    /// <summary>Tonnes to kilograms.</summary>
    [SiddhiFunction("unitconversion:tTokg")]
    public static double TTokg(double? value) => Convert(value, 1000.0, "unitconversion:tTokg");

    /// <summary>Days to hours.</summary>
    [SiddhiFunction("unitconversion:dToh")]
    public static double DToh(double? value) => Convert(value, 24.0, "unitconversion:dToh");

    /// <summary>Hours to minutes.</summary>
    [SiddhiFunction("unitconversion:hTom")]
    public static double HTom(double? value) => Convert(value, 60.0, "unitconversion:hTom");

    /// <summary>Hours to seconds.</summary>
    [SiddhiFunction("unitconversion:hTos")]
    public static double HTos(double? value) => Convert(value, 3600.0, "unitconversion:hTos");

    /// <summary>Minutes to seconds.</summary>
    [SiddhiFunction("unitconversion:mTos")]
    public static double MTos(double? value) => Convert(value, 60.0, "unitconversion:mTos");

    /// <summary>Seconds to milliseconds.</summary>
    [SiddhiFunction("unitconversion:sToms")]
    public static double SToms(double? value) => Convert(value, 1000.0, "unitconversion:sToms");

    /// <summary>Seconds to nanoseconds.</summary>
    [SiddhiFunction("unitconversion:sTons")]
    public static double STons(double? value) => Convert(value, 1000000000.0, "unitconversion:sTons");

    /// <summary>Seconds to microseconds.</summary>
    [SiddhiFunction("unitconversion:sTous")]
    public static double STous(double? value) => Convert(value, 1000000.0, "unitconversion:sTous");

    /// <summary>Years to days.</summary>
    [SiddhiFunction("unitconversion:yTod")]
    public static double YTod(double? value) => Convert(value, 365.2425, "unitconversion:yTod");

    /// <summary>Litres to cubic metres.</summary>
    [SiddhiFunction("unitconversion:lTom3")]
    public static double LTom3(double? value) => Convert(value, 0.001, "unitconversion:lTom3");

    /// <summary>Litres to millilitres.</summary>
    [SiddhiFunction("unitconversion:lToml")]
    public static double LToml(double? value) => Convert(value, 1000.0, "unitconversion:lToml");

    /// <summary>Cubic metres to litres.</summary>
    [SiddhiFunction("unitconversion:m3Tol")]
    public static double M3Tol(double? value) => Convert(value, 1000.0, "unitconversion:m3Tol");

    /// <summary>Millilitres to litres.</summary>
    [SiddhiFunction("unitconversion:mlTol")]
    public static double MlTol(double? value) => Convert(value, 0.001, "unitconversion:mlTol");

    private static double Convert(double? value, double factor, string function) =>
        value is { } v ? v * factor : throw Fail.Because(function, "Input to the UnitConversion function cannot be null");
}
